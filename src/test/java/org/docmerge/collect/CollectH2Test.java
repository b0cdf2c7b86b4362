package org.docmerge.collect;

/** The January against the embedded default: H2 in the collection folder. */
class CollectH2Test extends JanuarySuite {
  @Override
  String jdbcUrl() {
    return null;
  }
}
