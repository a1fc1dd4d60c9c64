"""The Spark entry point of a build (a ``SparkSession``): the master asked for (default: ``local[*]``, or what
``spark-submit`` set), this Python on the executors, Python workers reused so that each loads the
spaCy model once."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from onrecord.errors import InputError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession


def spark_for(master: str | None = None) -> SparkSession:
    """The running ``SparkSession``, or a new one on ``master``."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise InputError("--engine spark needs PySpark: pip install 'onrecord[spark]' (and Java 17)") from exc
    builder = SparkSession.builder.appName("onrecord build")
    if master:
        builder = builder.master(master)
    conf = {
        "spark.python.worker.reuse": "true",  # one Python worker per core, kept: the model loads once there
        "spark.pyspark.python": sys.executable,
        "spark.pyspark.driver.python": sys.executable,
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.shuffle.partitions": "8",
    }
    for key, value in conf.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    # PySpark starts its Python workers with $PYSPARK_PYTHON or python3, read when the context
    # starts: this Python (with onrecord and spaCy) is named on the context instead
    spark.sparkContext.pythonExec = sys.executable
    return spark
