"""The build on Apache Spark (``onrecord build --engine spark``): the per-article stages of
:func:`onrecord.pipeline.process_batch` in ``mapPartitions`` on the executors, storing and linking
on the driver with the local code. Needs ``onrecord[spark]`` (PySpark) and Java 17."""
