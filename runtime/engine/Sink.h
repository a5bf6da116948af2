// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/Batch.h"

#include <string>

namespace sw::runtime {

// An output of the pipeline. Called on the executor thread only: open() once,
// write() for each batch of rows, flush() at the end of every micro-batch (the
// rows must then be durable), close() at the end.
class Sink
{
public:
    virtual ~Sink() = default;
    virtual bool open(std::string &error) = 0;
    virtual bool write(const Batch &batch, std::string &error) = 0;
    virtual bool flush(std::string &error)
    {
        (void)error;
        return true;
    }
    virtual void close() {}
};

} // namespace sw::runtime
