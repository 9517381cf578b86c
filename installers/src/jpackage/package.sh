#!/usr/bin/env bash
# Packages Berth with jpackage: a jlinked runtime holding the JDK and JavaFX modules, every other
# jar on the class path (docker-java has only automatic module names).
#   package.sh <app-dir: app/target> <out-dir> <version> [type: app-image|deb|rpm|dmg|msi]
set -euo pipefail
app_target=$1 out=$2 version=$3 type=${4:-app-image}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../../../scripts/lib/java-opts.sh"
icons=$(cd "$here/../../../icons/src/main/resources/dev/berth/icons" && pwd)

input="$out/input" fx="$out/javafx" runtime="$out/runtime"
rm -rf "$input" "$fx" "$runtime" "$out/dist"
mkdir -p "$input" "$fx" "$out/dist"
cp "$app_target/berth.jar" "$input/"
for jar in "$app_target"/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-*.jar) cp "$jar" "$fx/" ;;   # platform jars with the native code
    javafx-*.jar) ;;                                 # empty placeholder jars
    *) cp "$jar" "$input/" ;;
  esac
done

# JDK modules the app and its libraries use (found with jdeps, plus what reflection needs).
jlink --module-path "$fx" --add-modules javafx.controls,java.base,java.desktop,java.logging,java.management,jdk.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.unsupported,jdk.zipfs \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$runtime"

# jpackage versions are numeric only.
numeric=$(echo "$version" | sed -E 's/[^0-9.].*$//')
args=(--type "$type" --name Berth --app-version "$numeric" --vendor "Berth" \
  --description "A fast native desktop manager for your local container engine" \
  --input "$input" --main-jar berth.jar --main-class dev.berth.app.Main \
  --runtime-image "$runtime" --dest "$out/dist" \
  --java-options "$BERTH_DEFAULT_JAVA_OPTS" \
  --icon "$icons/berth-256.png")
case "$type" in
  deb) args+=(--linux-shortcut --linux-menu-group Development --linux-app-category devel) ;;
  rpm) args+=(--linux-shortcut) ;;
esac
jpackage "${args[@]}"
echo "packaged: $(ls "$out/dist")"
