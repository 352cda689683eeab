"""Runs the handbook's PySpark blocks (fence meta harness="pyspark-…") in one local Spark session.

    python pyspark_run.py <scratch dir> <harness name> <block file> [<harness name> <block file> ...]

Each harness, tests/code/harness/<name>.py, defines `setup(spark, lake)`, which writes the data the block reads, and
`check(ns, out)`, which asserts what the block's comments say (ns: the block's globals after it ran; out: what it
printed). The block itself runs unchanged: the session it gets from getOrCreate() is this one, whose `/lake` is
<scratch>/lake (a Hadoop ViewFS mount) and whose relative paths resolve in <scratch>/home/<user>, the working
directory; every other path is the local file system. Prints `spark <version>`, then per block `OK <file> <seconds>`
or `FAIL <file> <line in the block> <message>`.
"""
import contextlib
import getpass
import importlib.util
import io
import os
import sys
import time
import traceback

scratch = os.path.abspath(sys.argv[1])
pairs = list(zip(sys.argv[2::2], sys.argv[3::2]))
lake = os.path.join(scratch, "lake")
home = os.path.join(scratch, "home", getpass.getuser())
os.makedirs(lake, exist_ok=True)
os.makedirs(home, exist_ok=True)
os.chdir(home)

from pyspark.sql import SparkSession  # noqa: E402

spark = (SparkSession.builder.master("local[2]").appName("handbook-code-check")
         .config("spark.ui.enabled", "false")
         .config("spark.ui.showConsoleProgress", "false")
         .config("spark.sql.shuffle.partitions", "4")
         .config("spark.hadoop.fs.defaultFS", "viewfs://handbook/")
         .config("spark.hadoop.fs.viewfs.mounttable.handbook.link./lake", f"file://{lake}")
         .config("spark.hadoop.fs.viewfs.mounttable.handbook.linkFallback", "file:///")
         .config("spark.hadoop.fs.viewfs.mounttable.handbook.homedir", os.path.dirname(home))
         .getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
print(f"spark {spark.version}", flush=True)
harness_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "harness")

for name, file in pairs:
    started = time.time()
    conf = dict(spark.conf.getAll)
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), os.path.join(harness_dir, f"{name}.py"))
    harness = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(harness)
    harness.setup(spark, "/lake")
    with open(file, encoding="utf-8") as f:
        code = f.read()
    ns = {"__name__": "__main__"}
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, file, "exec"), ns)
        harness.check(ns, out.getvalue())
        print(f"OK {file} {time.time() - started:.1f}", flush=True)
    except Exception as e:  # noqa: BLE001 — every failure is reported with the block's line
        frames = [fr for fr in traceback.extract_tb(e.__traceback__) if fr.filename == file]
        line = frames[-1].lineno if frames else 0
        message = " ".join(f"{type(e).__name__}: {e}".split())[:1500]
        print(f"FAIL {file} {line} {message}", flush=True)
    finally:
        # Whatever the block set on the session (AQE keys, …) does not leak into the next block.
        for key, value in dict(spark.conf.getAll).items():
            if key not in conf:
                spark.conf.unset(key)
            elif conf[key] != value:
                spark.conf.set(key, conf[key])
        spark.catalog.clearCache()
spark.stop()
