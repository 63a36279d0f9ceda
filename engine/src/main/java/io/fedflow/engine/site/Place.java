package io.fedflow.engine.site;

/** Where something is written in a file: line and column, from 1. */
record Place(int line, int column) {}
