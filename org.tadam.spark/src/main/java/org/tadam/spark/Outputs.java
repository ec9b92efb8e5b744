package org.tadam.spark;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Directory outputs that appear whole or not at all: a job writes into a hidden sibling, which replaces the
 * target by a rename once complete. Through Hadoop's file systems, so the same holds for HDFS or S3A paths.
 */
public final class Outputs {
  private Outputs() {
  }

  /** A hidden sibling of {@code target} to write into. */
  public static Path temporary(Configuration conf, String target) throws IOException {
    Path t = new Path(target);
    Path tmp = new Path(t.getParent() == null ? new Path(".") : t.getParent(),
        "." + t.getName() + ".tmp-" + UUID.randomUUID());
    tmp.getFileSystem(conf).mkdirs(tmp.getParent());
    return tmp;
  }

  /** Replaces {@code target} by the finished temporary directory. */
  public static void commit(Configuration conf, Path tmp, String target) throws IOException {
    Path t = new Path(target);
    FileSystem fs = t.getFileSystem(conf);
    if (fs.exists(t) && !fs.delete(t, true)) {
      throw new IOException(target + ": cannot replace the old output");
    }
    if (!fs.rename(tmp, t)) {
      throw new IOException(target + ": cannot rename " + tmp + " to it");
    }
  }

  /** Removes a temporary directory left by a failed job. */
  public static void discard(Configuration conf, Path tmp) {
    try {
      tmp.getFileSystem(conf).delete(tmp, true);
    } catch (IOException e) {
      // nothing more to do: the target was not touched
    }
  }
}
