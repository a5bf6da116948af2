// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the seed corpus of fuzz_state: real snapshots of the four operators it
// restores into, after a few batches of rows (first byte: which operator). Made
// at each fuzzing run rather than kept, so that they follow the state format.
#include "operators/Dedupe.h"
#include "operators/StreamJoin.h"
#include "operators/WindowAggregate.h"

#include <QJsonDocument>

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

using namespace sw;
using namespace sw::runtime;

// The same operators as fuzz_state.cpp (kept in step by hand: both are small).
#define STREAMWRIGHT_FUZZ_STATE_SEEDS
#include "fuzz_state.cpp"

namespace {
class Discard : public Emitter
{
public:
    void push(int, Batch &&) override {}
};

Batch rowsAt(int64_t start, int count)
{
    Batch b = Batch::empty(input());
    for (int i = 0; i < count; ++i) {
        b.columns[0].appendString(b.arena().copy("u" + std::to_string(i % 5)));
        b.columns[1].appendDouble(i * 1.25);
        b.columns[2].appendInt(i % 7);
        b.columns[3].appendInt(start + i * 3000);
    }
    b.rows = size_t(count);
    return b;
}
} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_state_seeds DIR\n");
        return 2;
    }
    for (int pick = 0; pick < 4; ++pick) {
        std::unique_ptr<Operator> op = makeOperator(pick);
        OperatorContext context;
        std::string error;
        op->open(context, error);
        Discard out;
        for (int batch = 0; batch < 3; ++batch) {
            const Batch rows = rowsAt(1795000000000 + batch * 20000, 12);
            op->process(0, rows, 1795000000000 + batch * 10000, out);
            if (pick == 2)
                op->process(1, rows, 1795000000000 + batch * 10000, out);
            op->endOfBatch(1795000000000 + batch * 10000, out);
        }
        StateWriter w;
        op->snapshot(w);
        std::ofstream file(std::string(argv[1]) + "/seed-" + std::to_string(pick), std::ios::binary);
        file.put(char(pick));
        file.write(w.data().data(), std::streamsize(w.data().size()));
    }
    return 0;
}
