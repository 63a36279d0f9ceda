/**
 * Sites from a file: the sites file format (YAML, version 1), read into {@code SiteConfig}s with
 * the place of every key, so that a provider's complaint about a setting names its line.
 */
package io.fedflow.engine.site;
