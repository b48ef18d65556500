package dev.percpu.corpus.gen;

import java.util.List;

/** A generated program: its class name, its source, and the shapes it combines. */
record GeneratedProgram(String name, String source, List<String> shapes) {}
