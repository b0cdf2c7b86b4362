package org.docmerge.batch;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the workbooks of a folder, recursively: every {@code .xlsx} and {@code .xls} that is a regular file
 * (symbolic links followed), in a deterministic order (by path, Unicode order). Skipped, and listed with the
 * reason: Office and LibreOffice lock files ({@code ~$…}, {@code .~lock.…#}), hidden files (docmerge's own
 * temporary files start with a dot), anything that is not a regular file (a FIFO is never opened), symbolic
 * link loops, hidden folders, the output folder when it lies inside the input folder, and any folder holding
 * a batch's summary workbook {@code 汇总结果.xlsx} or an old {@code .docmerge.lock} (an earlier batch's output
 * folder, whose summary workbook is not a member). A folder
 * named {@code x.xlsx} is walked like any folder. Stateless; thread-safe.
 */
public final class Inputs {
  /** The lock file earlier versions left in every output folder. */
  public static final String LOCK_FILE = org.docmerge.output.FolderLock.LEGACY_FILE;

  private Inputs() {}

  /** Something that looked like an input but was not taken, and why (in Chinese). */
  public record Skipped(Path path, String reason) {}

  /** The inputs in processing order and what was skipped. */
  public record Walk(List<Path> inputs, List<Skipped> skipped) {}

  public static boolean isWorkbookName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".xlsx") || n.endsWith(".xls");
  }

  /**
   * Walks {@code root}. {@code skipDir}, when present, is a folder inside it that is not walked (compared by
   * real path).
   */
  public static Walk walk(Path root, Optional<Path> skipDir) throws IOException {
    List<Path> inputs = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    Optional<Path> skipReal = skipDir.filter(Files::isDirectory).map(p -> {
      try {
        return p.toRealPath();
      } catch (IOException e) {
        return p.toAbsolutePath().normalize();
      }
    });
    Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            if (dir.equals(root)) {
              return FileVisitResult.CONTINUE;
            }
            String name = dir.getFileName().toString();
            if (name.startsWith(".")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (skipReal.isPresent() && dir.toRealPath().equals(skipReal.get())) {
              skipped.add(new Skipped(dir, "这是输出文件夹，不作为输入"));
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (Files.exists(dir.resolve(LOCK_FILE)) || Files.exists(dir.resolve(Batch.SUMMARY))) {
              skipped.add(new Skipped(dir, "这是以前批量生成的输出文件夹，不作为输入"));
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            if (!isWorkbookName(name) && !name.startsWith(".~lock.")) {
              return FileVisitResult.CONTINUE;
            }
            if (name.startsWith("~$") || name.startsWith(".~lock.")) {
              skipped.add(new Skipped(file, "Excel/WPS/LibreOffice 打开文件时生成的锁定文件，已跳过"));
            } else if (name.startsWith(".")) {
              skipped.add(new Skipped(file, "隐藏文件或临时文件，已跳过"));
            } else if (attrs.isSymbolicLink()) {
              skipped.add(new Skipped(file, "快捷方式（符号链接）指向的文件不存在，已跳过"));
            } else if (!attrs.isRegularFile()) {
              skipped.add(new Skipped(file, "不是普通文件（可能是管道或设备），已跳过，没有打开它"));
            } else {
              inputs.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
              skipped.add(new Skipped(file, "符号链接形成了循环，已跳过"));
            } else if (isWorkbookName(file.getFileName().toString())) {
              inputs.add(file); // reading it will say why it cannot be read, as a failed input
            } else {
              skipped.add(new Skipped(file, "无法访问，已跳过" + org.docmerge.diag.Technical.of(e)));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    Comparator<Path> order = Comparator.comparing(p -> root.relativize(p).toString());
    inputs.sort(order);
    skipped.sort(Comparator.comparing(s -> root.relativize(s.path()).toString()));
    return new Walk(List.copyOf(inputs), List.copyOf(skipped));
  }
}
