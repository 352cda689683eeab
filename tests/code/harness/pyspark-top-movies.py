"""top_movies.py (data-platform/spark): a MovieLens-shaped u.data (tab-separated, no header) in the working directory;
the block must print the items rated at least 100 times, best average first."""


def setup(spark, lake):
    import os
    os.makedirs("data/ml-100k", exist_ok=True)
    with open("data/ml-100k/u.data", "w", encoding="utf-8") as f:
        for i in range(3000):  # items 1-25: 120 ratings each; item k has 4(k-1) fives, the rest ones (averages 1 to 4.2)
            item, j = i % 25, i // 25
            f.write(f"{i % 400 + 1}\t{item + 1}\t{5 if j < item * 4 else 1}\t{881250949 + i}\n")
        for i in range(200):  # items 26-30: 40 ratings each, all 5 stars, which the filter must drop
            f.write(f"{i + 1}\t{26 + i % 5}\t5\t{881260949 + i}\n")


def check(ns, out):
    rows = ns["top"].collect()
    assert rows and all(r["n"] >= 100 for r in rows), f"items with fewer than 100 ratings: {rows}"
    assert [r["avg_rating"] for r in rows] == sorted((r["avg_rating"] for r in rows), reverse=True), "not sorted by average, best first"
    assert "avg_rating" in out and "only showing top 10 rows" in out, f"top.show(10) printed:\n{out}"
