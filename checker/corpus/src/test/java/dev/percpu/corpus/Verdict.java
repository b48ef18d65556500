package dev.percpu.corpus;

/** A tool's verdict at one line, as in the shared analysis model's verdict table. */
enum Verdict {
  DEFINITE,
  POSSIBLE,
  /** A finding of another kind (a checker key that is not a nesting, a program that failed). */
  OTHER;
}
