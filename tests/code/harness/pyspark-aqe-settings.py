"""aqe_settings.py (data-platform/spark-performance): both keys are Spark SQL configurations of this Spark version
(listed by SET -v, so a misspelt key fails) and the session the block builds carries the values it sets."""


def setup(spark, lake):
    pass


def check(ns, out):
    spark = ns["spark"]
    known = {row.key for row in spark.sql("SET -v").collect()}
    for key, value in (("spark.sql.adaptive.coalescePartitions.parallelismFirst", "false"),
                       ("spark.sql.adaptive.coalescePartitions.initialPartitionNum", "2000")):
        assert key in known, f"{key} is not a Spark SQL configuration of Spark {spark.version}"
        assert spark.conf.get(key) == value, f"{key} is {spark.conf.get(key)!r}, the block sets {value!r}"
