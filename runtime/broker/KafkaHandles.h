// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <librdkafka/rdkafka.h>

#include <memory>

namespace sw::runtime {

// Owners of librdkafka handles, so that no path forgets to close one.
struct KafkaConsumerDeleter
{
    void operator()(rd_kafka_t *consumer) const
    {
        rd_kafka_consumer_close(consumer);
        rd_kafka_destroy(consumer);
    }
};
struct KafkaClientDeleter
{
    void operator()(rd_kafka_t *client) const { rd_kafka_destroy(client); }
};
struct KafkaQueueDeleter
{
    void operator()(rd_kafka_queue_t *queue) const { rd_kafka_queue_destroy(queue); }
};
struct KafkaMessageDeleter
{
    void operator()(rd_kafka_message_t *message) const { rd_kafka_message_destroy(message); }
};
struct KafkaTopicDeleter
{
    void operator()(rd_kafka_topic_t *topic) const { rd_kafka_topic_destroy(topic); }
};
struct KafkaPartitionListDeleter
{
    void operator()(rd_kafka_topic_partition_list_t *list) const { rd_kafka_topic_partition_list_destroy(list); }
};

using KafkaConsumer = std::unique_ptr<rd_kafka_t, KafkaConsumerDeleter>;
using KafkaClient = std::unique_ptr<rd_kafka_t, KafkaClientDeleter>; // producers, and consumers never assigned
using KafkaQueue = std::unique_ptr<rd_kafka_queue_t, KafkaQueueDeleter>;
using KafkaMessage = std::unique_ptr<rd_kafka_message_t, KafkaMessageDeleter>;
using KafkaTopicHandle = std::unique_ptr<rd_kafka_topic_t, KafkaTopicDeleter>;
using KafkaPartitionList = std::unique_ptr<rd_kafka_topic_partition_list_t, KafkaPartitionListDeleter>;

} // namespace sw::runtime
