// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/NodeType.h"
#include "engine/Sink.h"
#include "engine/Source.h"
#include "operators/Operator.h"
#include "settings/NodeSettings.h"

#include <map>
#include <memory>
#include <vector>

namespace sw::runtime {

// One node of a running pipeline: exactly one of source, op, sink is set.
struct RuntimeNode
{
    QString id;
    const core::NodeType *type = nullptr;
    std::unique_ptr<Source> source;
    std::unique_ptr<Operator> op;
    std::unique_ptr<OperatorContext> context; // the op's; its address stays put as nodes move
    std::unique_ptr<Sink> sink;

    // Per output port (catalog order): the (node index, input port index) it feeds.
    std::vector<std::vector<std::pair<int, int>>> outputs;
    // Per input port: the batches that arrived in this micro-batch.
    std::vector<std::vector<Batch>> inbox;

    // Sources and watermark nodes: event time and watermark.
    int eventTimeColumn = -1;
    int64_t watermarkDelay = 0;
    int64_t maxEventTime = std::numeric_limits<int64_t>::min();
    // The event times taken in this batch (Spark's eventTime min/max/avg); their
    // differences from the first, summed in a double (exact while the sum stays
    // below 2^53 ms: 10,000 rows a day apart), keep the mean to the millisecond.
    struct EventTimes
    {
        int64_t count = 0, min = 0, max = 0, first = 0;
        double sumFromFirst = 0;
    } batchEventTimes;
    // Sources: dead letters (deadLetters setting): the policy, the sink of
    // deadLetters.to (none: the "dead" edge, else the pipeline's default file),
    // and how many of each kind since the start.
    core::DeadLetterSettings::Policy deadLetterPolicy = core::DeadLetterSettings::Policy::Route;
    std::unique_ptr<Sink> deadLetterSink;
    QString deadLetterTarget; // what deadLetterSink writes to, for messages
    std::map<std::string, int64_t> deadLettersByKind;

    // Counters: this batch, and since the start.
    int64_t rowsIn = 0, rowsOut = 0, totalRowsIn = 0, totalRowsOut = 0;
    std::vector<int64_t> portRowsOut; // this batch, per output port (edge rates in the app)
    int64_t deadLetters = 0;
    double busyMs = 0; // time spent in this node during the batch
};

} // namespace sw::runtime
