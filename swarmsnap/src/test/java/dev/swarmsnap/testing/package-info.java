/** Test support shared by the integration tests: running the CLI against lab nodes. */
package dev.swarmsnap.testing;
