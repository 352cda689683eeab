"""join_hints.py (data-platform/spark-performance): a fact table and a small dimension under /lake; the plan the block
prints must be the broadcast hash join its comment names, with the hinted (right) side built."""


def setup(spark, lake):
    countries = [(f"C{i:03}", f"Country {i}") for i in range(300)]
    spark.createDataFrame(countries, "country_code STRING, name STRING").write.mode("overwrite").parquet(f"{lake}/countries")
    orders = spark.range(20000).selectExpr("id AS order_id", "printf('C%03d', CAST(id % 300 AS INT)) AS country_code", "id % 97 AS amount")
    orders.write.mode("overwrite").parquet(f"{lake}/orders")


def check(ns, out):
    assert "BroadcastHashJoin" in out, f"the printed plan has no BroadcastHashJoin:\n{out}"
    assert "BuildRight" in out, f"the printed plan does not build the right side:\n{out}"
    assert ns["joined"].count() == 20000, "every order should find its country"
