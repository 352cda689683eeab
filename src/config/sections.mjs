// @ts-check
/**
 * The handbook's sections, in sidebar order. Each is a folder of `src/content/docs/` (and of `zh-cn/`) whose pages
 * the sidebar lists by their `sidebar.order`. Adding a section means adding it here, in both languages.
 * @type {{ dir: string, label: string, zh: string, description: { en: string, zh: string } }[]}
 */
export const sections = [
	{
		dir: 'microservices',
		label: 'Microservices',
		zh: '微服务',
		description: {
			en: 'Architecture, communication, gateways, discovery, load balancing, resilience, configuration, containers, distributed transactions, observability, security.',
			zh: '架构、服务间通信、网关、服务发现、负载均衡、容错、配置、容器、分布式事务、可观测性与安全。',
		},
	},
	{
		dir: 'service-mesh',
		label: 'Service mesh & ingress',
		zh: '服务网格与入口',
		description: {
			en: 'Istio traffic management, Kubernetes Ingress and the Gateway API.',
			zh: 'Istio 流量管理、Kubernetes Ingress 与 Gateway API。',
		},
	},
	{
		dir: 'kafka',
		label: 'Apache Kafka',
		zh: 'Apache Kafka',
		description: {
			en: 'Partitions, replication, producers, consumers, offsets, delivery semantics, KRaft, storage, security and operations.',
			zh: '分区、副本、生产者、消费者、偏移量、投递语义、KRaft、存储、安全与运维。',
		},
	},
	{
		dir: 'data-platform',
		label: 'Data platform',
		zh: '数据平台',
		description: {
			en: 'Spark and Spark performance tuning, the Elastic Stack log pipeline, Elasticsearch internals, MongoDB and Cassandra.',
			zh: 'Spark 与 Spark 性能调优、Elastic Stack 日志管道、Elasticsearch 内部原理、MongoDB 与 Cassandra。',
		},
	},
	{
		dir: 'delivery',
		label: 'Delivery & performance',
		zh: '交付与性能',
		description: {
			en: 'CI/CD, load testing with JMeter, thread-pool sizing.',
			zh: 'CI/CD、JMeter 压测、线程池容量规划。',
		},
	},
	{
		dir: 'appendix',
		label: 'Appendix',
		zh: '附录',
		description: {
			en: 'Answering project-experience questions; a version timeline cheat-sheet.',
			zh: '如何回答项目经历类问题；版本时间线速查表。',
		},
	},
];
