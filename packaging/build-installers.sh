#!/usr/bin/env bash
# Builds the KLine Live installers for the OS it runs on, into target/dist:
#   1. jlink a runtime with only the modules the app uses, JavaFX among them as real modules;
#   2. jpackage an app-image with two launchers: "KLine Live" (the viewer) and klinelive-sim (the simulator);
#   3. jpackage the OS's installers with the same launchers: .deb and .rpm on Linux, .msi on Windows, .dmg on macOS.
# `./mvnw -Ppackage package` runs it after leaving the app jar without JavaFX in target/jpackage/input and the
# JavaFX jars in target/jpackage/javafx. It runs under bash on Linux, macOS and Windows (Git Bash).
#
# Environment (the Maven profile sets the first three):
#   KLINELIVE_JDK            JDK whose jdeps, jlink and jpackage build the package (Maven's java.home)
#   KLINELIVE_VERSION        project version; the numeric part is the package version
#   KLINELIVE_PACKAGE_TYPES  auto (the OS's installers) or a comma list of app-image, deb, rpm, msi, dmg
#   KLINELIVE_JLINK_COMPRESS none (default) or zip: how jlink stores the class files
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "build-installers: $*" >&2; exit 1; }
log() { echo "build-installers: $*"; }

jdk=${KLINELIVE_JDK:?set by the Maven profile: ./mvnw -Ppackage package}
version=${KLINELIVE_VERSION:?set by the Maven profile}
types=${KLINELIVE_PACKAGE_TYPES:-auto}
compress=${KLINELIVE_JLINK_COMPRESS:-none}

name="KLine Live"
vendor="KLine Live"
description="Live candlestick chart that knows its feed"
work=target/jpackage
dist=target/dist
# Windows must see the same product across versions so a new .msi upgrades the old one: never change this.
win_upgrade_uuid=fcb17430-f954-46bb-a375-1c3f8a0f828a

case "$(uname -s)" in
  Linux) os=linux; path_sep=: ;;
  Darwin) os=mac; path_sep=: ;;
  MINGW* | MSYS* | CYGWIN*)
    os=windows; path_sep=';'
    jdk=$(cygpath -u "$jdk")
    # Git Bash rewrites arguments that look like paths (glob:/javafx.*) for native programs: keep them as written.
    export MSYS_NO_PATHCONV=1 MSYS2_ARG_CONV_EXCL='*'
    ;;
  *) die "no installer recipe for $(uname -s)" ;;
esac

requested=$types
[[ $types == auto ]] && case $os in
  linux) types=app-image,deb,rpm ;;
  windows) types=msi ;;
  mac) types=dmg ;;
esac

for tool in jdeps jlink jpackage jar java; do
  [[ -x $jdk/bin/$tool || -x $jdk/bin/$tool.exe ]] || die "$jdk has no $tool: use a full JDK 17 or newer"
done
jar_file=$work/input/klinelive.jar
[[ -f $jar_file ]] || die "$jar_file is missing: run ./mvnw -Ppackage package"

# jpackage takes one to three numbers: 0.1.0-SNAPSHOT is packaged as 0.1.0.
app_version=${version%%-*}
[[ $app_version =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "cannot make a package version of $version"
if [[ $os == mac && $app_version == 0* ]]; then
  # jpackage refuses a macOS bundle version starting with 0; the .dmg's file name keeps the real version.
  app_version=1.0.0
fi
java_feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")

# The JavaFX jars with a platform classifier are real modules with the native libraries inside;
# the ones without are empty placeholders.
fx_jars=()
fx_modules=()
for jar in "$work"/javafx/javafx-*.jar; do
  base=$(basename "$jar" .jar)
  if [[ $base =~ ^javafx-([a-z]+)-[0-9][0-9.]*-[a-z0-9-]+$ ]]; then
    fx_jars+=("$jar")
    fx_modules+=("javafx.${BASH_REMATCH[1]}")
  fi
done
((${#fx_jars[@]})) || die "no JavaFX platform jars in $work/javafx"
fx_path=$(IFS=$path_sep; echo "${fx_jars[*]}")

# The JDK modules the code references, as jdeps sees them, plus those it reaches only through services or
# reflection: jdk.crypto.ec gives TLS its elliptic curves (wss:// feeds), jdk.unsupported gives Gson Unsafe.
log "finding the modules the app uses"
jdk_modules=$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release "$java_feature" \
  --module-path "$fx_path" "$jar_file" | tail -n 1)
extra_modules=(jdk.unsupported)
"$jdk/bin/java" --list-modules | grep "^jdk\.crypto\.ec@" >/dev/null && extra_modules+=(jdk.crypto.ec)
modules=$(echo "$jdk_modules" "${fx_modules[@]}" "${extra_modules[@]}" | tr -s ', ' '\n' | sort -u |
  paste -sd, -)
log "modules: $modules"

# An uncompressed module image makes the installers smaller, not bigger: .deb (xz), .rpm, .msi and .dmg all
# compress their payload, and far better than jlink's per-resource zip: 29 MB .deb instead of 44 MB.
case "$compress:$java_feature" in
  none:1[0-9] | none:20) compress_arg=--compress=0 ;;
  none:*) compress_arg=--compress=zip-0 ;;
  zip:1[0-9] | zip:20) compress_arg=--compress=2 ;;
  zip:*) compress_arg=--compress=zip-6 ;;
  *) die "KLINELIVE_JLINK_COMPRESS must be none or zip, not $compress" ;;
esac

runtime=$work/runtime
rm -rf "$runtime" "$dist"
log "jlink $compress_arg into $runtime"
# The native libraries go next to the JDK's own (below), where JavaFX looks first; left inside the modules they
# would be unpacked into ~/.openjfx/cache at every first start. javafx-swt.jar is for SWT hosts only.
"$jdk/bin/jlink" --module-path "$fx_path" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages "$compress_arg" \
  --exclude-resources='glob:/javafx.*/*.so,glob:/javafx.*/*.dll,glob:/javafx.*/*.dylib,glob:/javafx.*/javafx-swt.jar' \
  --output "$runtime"

native_dir=$runtime/lib
[[ $os == windows ]] && native_dir=$runtime/bin
unpack=$work/natives
rm -rf "$unpack" && mkdir -p "$unpack"
for jar in "${fx_jars[@]}"; do
  entries=$("$jdk/bin/jar" tf "$jar" | grep -E '^[^/]+\.(so|dll|dylib)$' || true)
  [[ -n $entries ]] || continue
  # shellcheck disable=SC2086 # one argument per entry; native library names hold no spaces
  (cd "$unpack" && "$jdk/bin/jar" xf "../../../$jar" $entries)
done
cp "$unpack"/* "$native_dir"/

# SQLite (the candle cache): the jar carries no native library; this platform's goes next to it, where the
# launchers point sqlite-jdbc (-Dorg.sqlite.lib.path=$APPDIR), so an installer holds one instead of twenty and
# nothing is unpacked into the temp folder at every start.
case "$os:$(uname -m)" in
  linux:x86_64) sqlite_native=Linux/x86_64/libsqlitejdbc.so ;;
  linux:aarch64) sqlite_native=Linux/aarch64/libsqlitejdbc.so ;;
  mac:arm64) sqlite_native=Mac/aarch64/libsqlitejdbc.dylib ;;
  mac:x86_64) sqlite_native=Mac/x86_64/libsqlitejdbc.dylib ;;
  windows:*) sqlite_native=Windows/x86_64/sqlitejdbc.dll ;;
  *) die "no SQLite native library for $os on $(uname -m)" ;;
esac
[[ -f $work/sqlite/org/sqlite/native/$sqlite_native ]] ||
  die "$work/sqlite/org/sqlite/native/$sqlite_native is missing: run ./mvnw -Ppackage package"
find "$work/input" -maxdepth 1 -name '*sqlitejdbc*' -delete
cp "$work/sqlite/org/sqlite/native/$sqlite_native" "$work/input/"
sqlite_options=(--java-options "-Dorg.sqlite.lib.path=\$APPDIR"
  --java-options "-Dorg.sqlite.lib.name=$(basename "$sqlite_native")")

# Class-data sharing: the JDK's own start-up classes plus the JavaFX ones a start loads (packaging/cds), parsed
# and verified here once and mapped ready at every start; a third less CPU to the first frame. Written where
# the JVM looks by default (lib/server/classes.jsa), for the default compressed-oops heap.
cat "$runtime/lib/classlist" packaging/cds/classlist >"$work/cds.classlist"
"$runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$work/cds.classlist" >"$work/cds.log" 2>&1 ||
  { cat "$work/cds.log" >&2; die "could not dump the CDS archive"; }

case $os in
  linux) icon=assets/icon/png/klinelive-256.png ;;
  windows) icon=assets/icon/klinelive.ico ;;
  mac) icon=assets/icon/klinelive.icns ;;
esac
# The viewer compiles with C1 only. On two cores C2's start-up compiling takes a core from the FX thread: the first
# live frame came 1.4 s after start instead of 2.0 s (medians of three runs, docs/BENCHMARKS.md), while the chart's
# steady CPU and the 150,000 ticks/s ingest held, as the cost of a frame is mostly the pipeline's native code.
# The simulator, a server, keeps both compilers (packaging/klinelive-sim.properties).
viewer_java_options="-XX:TieredStopAtLevel=1"
common=(--name "$name" --app-version "$app_version" --vendor "$vendor" --description "$description"
  --copyright "Copyright KLine Live contributors"
  --input "$work/input" --main-jar klinelive.jar --main-class com.klinelive.Main
  --runtime-image "$runtime" --icon "$icon" --dest "$dist"
  --java-options "$viewer_java_options" "${sqlite_options[@]}")
# No --add-modules in the launchers: a class-path app resolves every module of its runtime image by default.

sim_launcher=$work/klinelive-sim.properties
cp packaging/klinelive-sim.properties "$sim_launcher"
# On Linux a launcher without an icon gets no desktop file: a console server has no place in the app menu.
[[ $os == linux ]] && echo 'icon=' >>"$sim_launcher"
common+=(--add-launcher "klinelive-sim=$sim_launcher")

log "jpackage app-image"
"$jdk/bin/jpackage" --type app-image "${common[@]}"
case $os in
  mac) app_image="$dist/$name.app" ;;
  *) app_image="$dist/$name" ;;
esac

# The packages declare what the image's own binaries link against directly (ELF NEEDED), as the system
# provides it: GTK 3 and libXtst for glass, libGL and libXxf86vm for the hardware pipeline, FreeType and
# fontconfig for text, and what the JDK build links dynamically; the dynamic loader comes with libc.
# jpackage's own list takes every library in the closure, under the build machine's package names, which ties
# the package to that distribution release.
linked_sonames() {
  local own
  own=$(find "$1" -name '*.so*' -exec basename {} \; | sort -u)
  { find "$1" -type f \( -name '*.so' -o -perm -u+x \) -exec objdump -p {} + 2>/dev/null || true; } |
    awk '$1 == "NEEDED" && $2 !~ /^ld-linux/ { print $2 }' | sort -u | { grep -vxF "$own" || true; }
}
deb_dependencies() {
  local image=$1 so path owner packages=()
  declare -A resolved=()
  while read -r so _ path _; do
    [[ $path == /* ]] && resolved[$so]=$path
  done < <(find "$image" -type f -name '*.so' -exec ldd {} \; 2>/dev/null | awk '$2 == "=>"')
  for so in $(linked_sonames "$image"); do
    path=${resolved[$so]:-}
    [[ -n $path ]] || die "$so is not installed here, so its package is unknown (apt-get install it)"
    # Merged /usr: dpkg may record the file under /usr/lib or under /lib.
    owner=$(dpkg -S "$path" 2>/dev/null || dpkg -S "/usr$path" 2>/dev/null || dpkg -S "${path#/usr}" 2>/dev/null) ||
      die "no package owns $path"
    owner=${owner%%:*}
    # Debian 13 and Ubuntu 24.04 renamed libraries to *t64 and kept the old names as provides.
    packages+=("${owner%t64}")
  done
  printf '%s\n' "${packages[@]}" | sort -u | paste -sd, - | sed 's/,/, /g'
}
rpm_dependencies() {
  linked_sonames "$1" | sed 's/$/()(64bit)/' | paste -sd, - | sed 's/,/, /g'
}

linux_package=(--linux-package-name klinelive --linux-shortcut --linux-menu-group "Office;Finance;"
  --linux-app-category misc)
# With the default types, an installer whose tools are missing is skipped and said so; one asked for by name fails.
skipped=()
missing_tools() {
  local tool missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  echo "${missing[*]}"
}
can_build() { # type, install hint, tools...
  local type=$1 hint=$2 missing
  shift 2
  missing=$(missing_tools "$@")
  [[ -z $missing ]] && return 0
  [[ $requested == auto ]] || die ".$type needs $missing ($hint)"
  log "skipping .$type: $missing not found ($hint)"
  skipped+=(".$type (no $missing)")
  return 1
}
IFS=, read -r -a type_list <<<"$types"
for type in "${type_list[@]}"; do
  env_prefix=()
  case "$os:$type" in
    *:app-image) continue ;;
    linux:deb)
      can_build deb "apt-get install fakeroot binutils" fakeroot dpkg-deb objdump || continue
      deps=$(deb_dependencies "$app_image")
      [[ $deps == *libgtk-3-0* ]] || die "the image does not link GTK 3; its JavaFX natives are missing"
      log "deb depends on: $deps"
      # The control template lists only these, not jpackage's whole library closure.
      extra=("${linux_package[@]}" --linux-package-deps "$deps" --resource-dir packaging/linux) ;;
    linux:rpm)
      can_build rpm "apt-get install rpm binutils" rpmbuild objdump || continue
      deps=$(rpm_dependencies "$app_image")
      log "rpm requires: $deps"
      extra=("${linux_package[@]}" --linux-package-deps "$deps")
      # Debian's rpmbuild stores the payload with gzip; xz, as in the .deb, makes it a third smaller.
      mkdir -p "$work/rpm-home" && echo '%_binary_payload w6.xzdio' >"$work/rpm-home/.rpmmacros"
      env_prefix=(env "HOME=$PWD/$work/rpm-home") ;;
    windows:msi)
      extra=(--win-menu --win-menu-group "$name" --win-shortcut --win-per-user-install
        --win-upgrade-uuid "$win_upgrade_uuid") ;;
    mac:dmg)
      extra=(--mac-package-identifier com.klinelive.app) ;;
    *) die "jpackage cannot build $type on $os" ;;
  esac
  log "jpackage $type"
  # Each installer is made from the inputs, not from the app-image: only then does jpackage apply the
  # per-launcher settings (no menu entry for the simulator).
  ${env_prefix[@]+"${env_prefix[@]}"} "$jdk/bin/jpackage" --type "$type" "${common[@]}" "${extra[@]}"
done

if [[ $os == mac && $app_version != "${version%%-*}" ]]; then
  for dmg in "$dist"/*.dmg; do mv "$dmg" "${dmg%-"$app_version".dmg}-${version%%-*}.dmg"; done
fi
log "done:"
ls -l "$dist"
((${#skipped[@]} == 0)) || log "skipped: ${skipped[*]}"
