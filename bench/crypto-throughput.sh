#!/bin/sh
# MB/s of each crypto backend (libsodium, pure Java) in one JVM, over 64 MB: secretbox in 480 KiB
# boxes, ChaCha20-Poly1305 in age's 64 KiB chunks. Figures only, with the load average.
#   bench/crypto-throughput.sh     (needs the jar and the test classes: mvn -B -q -DskipTests package)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
jar="$here/swarmsnap/target/swarmsnap.jar"
tests="$here/swarmsnap/target/test-classes"
[ -f "$jar" ] && [ -d "$tests" ] || { echo "crypto-throughput: build first: mvn -B -q -DskipTests package" >&2; exit 7; }
exec java -XX:+UseSerialGC -cp "$tests:$jar" dev.swarmsnap.crypto.CryptoThroughput
