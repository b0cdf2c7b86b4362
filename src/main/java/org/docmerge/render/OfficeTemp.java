package org.docmerge.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary folders of PDF conversion: one per run, named {@code docmerge-pdf-p<pid>-<start>-<n>} after the
 * owning process (its pid and start time in milliseconds, so a reused pid is not mistaken for the owner). A run
 * killed with {@code kill -9} cannot clean up after itself; the next run does: {@link #cleanStale} kills any
 * process still running on a dead run's folder (a soffice whose command line names its profile) and deletes the
 * folder. Folders of the older naming ({@code docmerge-pdf-<digits>}, no owner) are deleted once they are an hour
 * old. Stateless; thread-safe.
 */
public final class OfficeTemp {
  /** Prefix of every conversion folder in the temporary directory. */
  public static final String PREFIX = "docmerge-pdf-";

  /** A proxy nobody listens on (the discard port of this machine): any fetch LibreOffice tries fails at once. */
  static final String DEAD_PROXY_HOST = "127.0.0.1";
  static final int DEAD_PROXY_PORT = 9;
  static final String DEAD_PROXY_URL = "http://" + DEAD_PROXY_HOST + ":" + DEAD_PROXY_PORT;

  private static final Pattern OWNED = Pattern.compile("^" + PREFIX + "p(\\d+)-(\\d+)-\\d+$");
  private static final Pattern LEGACY = Pattern.compile("^" + PREFIX + "\\d+$");
  private static final Duration LEGACY_AGE = Duration.ofHours(1);
  private static final AtomicInteger SEQ = new AtomicInteger();

  private OfficeTemp() {}

  /** A new folder for this process's conversions. */
  static Path newRunDir(Path root) throws IOException {
    ProcessHandle me = ProcessHandle.current();
    long start = me.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    Path dir = root.resolve(PREFIX + "p" + me.pid() + "-" + start + "-" + SEQ.incrementAndGet());
    Files.createDirectories(dir);
    return dir;
  }

  /** Whether the run that made {@code folderName} is still alive (unknown names count as alive). */
  static boolean ownerAlive(String folderName) {
    Matcher m = OWNED.matcher(folderName);
    if (!m.matches()) {
      return true;
    }
    long pid = Long.parseLong(m.group(1));
    long start = Long.parseLong(m.group(2));
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    if (h.isEmpty() || !h.get().isAlive()) {
      return false;
    }
    Optional<Instant> started = h.get().info().startInstant();
    // the same pid with another start time is a different process: the owner is gone
    return start == 0 || started.isEmpty() || Math.abs(started.get().toEpochMilli() - start) < 1000;
  }

  /**
   * Removes the conversion folders of dead runs in {@code root}, first killing any process still running on them.
   *
   * @return how many folders were removed
   */
  public static int cleanStale(Path root) {
    int removed = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, PREFIX + "*")) {
      for (Path dir : ds) {
        String name = dir.getFileName().toString();
        boolean stale;
        if (OWNED.matcher(name).matches()) {
          stale = !ownerAlive(name);
        } else if (LEGACY.matcher(name).matches()) {
          stale = age(dir).compareTo(LEGACY_AGE) > 0;
        } else {
          stale = false;
        }
        if (stale && Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          killUsers(dir);
          PdfConverter.deleteQuietly(dir);
          removed++;
        }
      }
    } catch (IOException | RuntimeException e) {
      // an unreadable temp directory: nothing to clean that we could clean
    }
    return removed;
  }

  private static Duration age(Path dir) {
    try {
      FileTime t = Files.getLastModifiedTime(dir);
      return Duration.between(t.toInstant(), Instant.now());
    } catch (IOException e) {
      return Duration.ZERO;
    }
  }

  /** Kills every process whose command line names {@code dir} (an orphaned soffice on a dead run's profile). */
  static void killUsers(Path dir) {
    String needle = dir.toAbsolutePath().toString();
    String uriNeedle = dir.toAbsolutePath().toUri().toString();
    ProcessHandle.allProcesses()
        .filter(h -> h.pid() != ProcessHandle.current().pid())
        .filter(h -> h.info().commandLine().or(() -> h.info().arguments().map(a -> String.join(" ", a)))
            .map(c -> c.contains(needle) || c.contains(stripSlash(uriNeedle))).orElse(false))
        .forEach(h -> {
          h.destroyForcibly();
          try {
            h.onExit().get(5, TimeUnit.SECONDS);
          } catch (Exception e) {
            // gone or not ours to kill: the folder is deleted either way
          }
        });
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** The last-run version seeded in profiles: above any release, so no start counts as an upgrade. */
  static final String NOT_AN_UPGRADE = "99.9";

  /**
   * A LibreOffice user profile that never reaches the network: linked images and other references to external
   * resources blocked, links never updated, macros off, every proxy pointed at a closed local port. It also records
   * a last-run version above any release, so that soffice does not take each new profile for an upgrade and run
   * its graphics self-tests (GraphicsRenderTests, a quarter of a start's CPU: 0.25 of 1.0 s per soffice).
   */
  static void seedProfile(Path profile) throws IOException {
    Path user = Files.createDirectories(profile.resolve("user"));
    String xcu = """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        %s
        </oor:items>
        """.formatted(String.join("\n",
        item("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
        item("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
        item("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
        item("/org.openoffice.Office.Writer/Content/Update", "Link", "2"),
        item("/org.openoffice.Office.Calc/Content/Update", "Link", "2"),
        item("/org.openoffice.Office.Common/Misc", "FirstRun", "false"),
        item("/org.openoffice.Office.Common/Misc", "UseOpenCL", "false"),
        item("/org.openoffice.Setup/Product", "ooSetupLastVersion", NOT_AN_UPGRADE),
        item("/org.openoffice.Inet/Settings", "ooInetProxyType", "1"),
        item("/org.openoffice.Inet/Settings", "ooInetHTTPProxyName", DEAD_PROXY_HOST),
        item("/org.openoffice.Inet/Settings", "ooInetHTTPProxyPort", String.valueOf(DEAD_PROXY_PORT)),
        item("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyName", DEAD_PROXY_HOST),
        item("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyPort", String.valueOf(DEAD_PROXY_PORT)),
        item("/org.openoffice.Inet/Settings", "ooInetFTPProxyName", DEAD_PROXY_HOST),
        item("/org.openoffice.Inet/Settings", "ooInetFTPProxyPort", String.valueOf(DEAD_PROXY_PORT)),
        item("/org.openoffice.Inet/Settings", "ooInetNoProxy", "")));
    Files.writeString(user.resolve("registrymodifications.xcu"), xcu, StandardCharsets.UTF_8);
  }

  private static String item(String path, String prop, String value) {
    return "<item oor:path=\"" + path + "\"><prop oor:name=\"" + prop + "\" oor:op=\"fuse\"><value>" + value
        + "</value></prop></item>";
  }
}
