/**
 * The Apache Spark study engine ({@link org.caravan.spark.SparkEngine}), found by name through
 * {@link java.util.ServiceLoader} when a study runs with {@code --engine spark}. It depends on the
 * study module only: the study's replication function comes from the gateway as an opaque,
 * serializable object, so this module knows nothing of scenarios or the network, and no front end
 * depends on it. Spark is a {@code provided} dependency: the launcher adds it for {@code --engine
 * spark} and a cluster brings its own (docs/STUDIES.md).
 */
package org.caravan.spark;
