#!/usr/bin/env bash
# Packs the solution as a user would (`dotnet pack Shannon.slnx -c Release`), checks every package, installs the tool
# from the packages and runs it. Needs the .NET 10 SDK, unzip and od; NuGet only for the tool's apphost packs.
#   .ci/package-test.sh            # into a temporary directory, removed afterwards
set -euo pipefail
# (No `cmd | grep -q` below: grep -q stops reading early and pipefail would count the writer's SIGPIPE as a failure.)
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "package test: $*" >&2; exit 1; }

version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)"
rids=(linux-x64 linux-arm64 osx-arm64 win-x64)
limit=$((70 * 1024 * 1024))

dotnet pack Shannon.slnx -c Release -o "$work/nupkg" -p:ContinuousIntegrationBuild=true --nologo -v quiet
root="$PWD"
cd "$work/nupkg"

# Library packages: metadata, readme, license, XML docs, symbols; the core keeps its one dependency.
for id in Shannon.Core Shannon.Data Shannon.Language Shannon.Reports; do
  pkg="$id.$version.nupkg"
  [ -f "$pkg" ] || fail "$pkg missing"
  [ -f "$id.$version.snupkg" ] || fail "$id.$version.snupkg (symbols) missing"
  nuspec="$(unzip -p "$pkg" "$id.nuspec")"
  for field in '<license type="expression">MIT</license>' '<readme>README.md</readme>' '<tags>' \
               '<repository type="git" url="https://github.com/' '<description>' '<projectUrl>'; do
    grep -qF "$field" <<<"$nuspec" || fail "$pkg: nuspec lacks $field"
  done
  listing="$(unzip -Z1 "$pkg")"
  for file in README.md LICENSE; do
    grep -qx "$file" <<<"$listing" || fail "$pkg lacks $file"
  done
  assembly="${id/Shannon.Core/Shannon}"
  grep -qx "lib/net10.0/$assembly.xml" <<<"$listing" || fail "$pkg lacks its XML documentation"
  symbols="$(unzip -Z1 "$id.$version.snupkg")"
  grep -qx "lib/net10.0/$assembly.pdb" <<<"$symbols" || fail "$id.$version.snupkg lacks $assembly.pdb"
done
# The core package's ReadyToRun assemblies, one per runtime (src/Shannon/Shannon.csproj, ShannonReadyToRunAssets).
core_listing="$(unzip -Z1 "Shannon.Core.$version.nupkg")"
for rid in "${rids[@]}"; do
  grep -qx "runtimes/$rid/lib/net10.0/Shannon.dll" <<<"$core_listing" || fail "Shannon.Core lacks runtimes/$rid/lib/net10.0/Shannon.dll"
  [ "$(unzip -p "Shannon.Core.$version.nupkg" "runtimes/$rid/lib/net10.0/Shannon.dll" | LC_ALL=C grep -caP 'RTR\x00')" -gt 0 ] \
    || fail "Shannon.Core: runtimes/$rid/lib/net10.0/Shannon.dll has no ReadyToRun code"
done
core_deps="$(unzip -p "Shannon.Core.$version.nupkg" Shannon.Core.nuspec | grep -o '<dependency id="[^"]*"' | sort -u)"
[ "$core_deps" = '<dependency id="System.Numerics.Tensors"' ] || fail "Shannon.Core depends on: $core_deps"

# Tool packages: a small pointer package and one package per runtime with only that runtime's natives.
[ -f "shannon.$version.nupkg" ] || fail "pointer package shannon.$version.nupkg missing"
pointer_bytes=$(stat -c %s "shannon.$version.nupkg")
[ "$pointer_bytes" -lt 100000 ] || fail "pointer package is $pointer_bytes bytes"
for rid in "${rids[@]}"; do
  pkg="shannon.$rid.$version.nupkg"
  [ -f "$pkg" ] || fail "$pkg missing"
  bytes=$(stat -c %s "$pkg")
  [ "$bytes" -le "$limit" ] || fail "$pkg is $bytes bytes, over 70 MB"
  listing="$(unzip -Z1 "$pkg")"
  grep -v "^tools/net10.0/$rid/" <<<"$listing" | grep -E '\.(so|dylib|dll)$' && fail "$pkg has files outside tools/net10.0/$rid/"
  case "$rid" in
    linux-*) foreign='\.dylib$|/(duckdb|onnxruntime|libSkiaSharp|libHarfBuzzSharp)\.dll$' ;;
    osx-*)   foreign='\.so$|/(duckdb|onnxruntime|libSkiaSharp|libHarfBuzzSharp)\.dll$' ;;
    win-*)   foreign='\.so$|\.dylib$' ;;
  esac
  grep -E "$foreign" <<<"$listing" && fail "$pkg holds another platform's natives"
  for native in duckdb onnxruntime SkiaSharp HarfBuzzSharp; do
    grep -qiE "/(lib)?$native\.(so|dylib|dll)$" <<<"$listing" || fail "$pkg lacks its $native native library"
  done
  if [[ "$rid" == linux-* ]]; then
    # ELF e_machine (offset 18): 0x3e x86-64, 0xb7 AArch64.
    want=$([ "$rid" = linux-x64 ] && echo 3e || echo b7)
    got="$(od -An -tx1 -j18 -N1 < <(unzip -p "$pkg" "tools/net10.0/$rid/libduckdb.so") | tr -d ' ')"
    [ "$got" = "$want" ] || fail "$pkg: libduckdb.so is for machine 0x$got, not 0x$want"
  fi
  # ReadyToRun: the managed assemblies carry precompiled code (the R2R header's signature "RTR\0").
  for assembly in Shannon.Cli Shannon; do
    [ "$(unzip -p "$pkg" "tools/net10.0/$rid/$assembly.dll" | LC_ALL=C grep -caP 'RTR\x00')" -gt 0 ] \
      || fail "$pkg: $assembly.dll has no ReadyToRun code"
  done
  echo "$pkg: $((bytes / 1024 / 1024)) MB"
done

# Install as a user would (a private tool path and package cache, so an earlier build cannot be picked up) and run.
NUGET_PACKAGES="$work/packages" dotnet tool install --tool-path "$work/tools" --add-source "$work/nupkg" shannon --version "$version" >/dev/null
[ "$(uname -m)" != x86_64 ] || [ -d "$work/tools/.store/shannon/$version/shannon.linux-x64" ] \
  || fail "the install did not resolve the linux-x64 package"
shannon="$work/tools/shannon"
[ "$("$shannon" --version)" = "shannon $version" ] || fail "--version prints '$("$shannon" --version)'"
help="$("$shannon" --help)"
grep -qx '  shannon \[command\] \[options\]' <<<"$help" || fail "--help's usage line does not name shannon"
"$shannon" report -o "$work/report" >/dev/null
[ -s "$work/report/report.html" ] || fail "shannon report wrote no report.html"
ranking="$("$shannon" features - --target target --json < "$root/data/iris.csv")"
grep -q '"petal_length_cm"' <<<"$ranking" || fail "cat data/iris.csv | shannon features - gave: $ranking"
# A user's console app (portable: no runtime identifier) on Shannon.Core loads this runtime's precompiled Shannon.dll,
# whose first entropy call and first cross-entropy loss jit next to nothing; with AVX2 or AVX disabled the runtime turns
# the x86-64-v3 code down and the JIT's kernels answer. Each answer has the same bits as with ReadyToRun off under the
# same instruction sets.
if [ "$(uname -m)" = x86_64 ]; then
  consumer="$work/consumer"
  mkdir -p "$consumer"
  printf '%s\n' '<?xml version="1.0" encoding="utf-8"?>' '<configuration>' '  <packageSources>' '    <clear />' \
    "    <add key=\"packed\" value=\"$work/nupkg\" />" "    <add key=\"cache\" value=\"${NUGET_PACKAGES:-$HOME/.nuget/packages}\" />" \
    '  </packageSources>' '</configuration>' > "$consumer/nuget.config"
  printf '%s\n' '<Project Sdk="Microsoft.NET.Sdk">' '  <PropertyGroup>' '    <OutputType>Exe</OutputType>' \
    '    <TargetFramework>net10.0</TargetFramework>' '    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>' \
    '  </PropertyGroup>' '  <ItemGroup>' "    <PackageReference Include=\"Shannon.Core\" Version=\"$version\" />" '  </ItemGroup>' \
    '</Project>' > "$consumer/consumer.csproj"
  cp "$root/.ci/package-consumer.cs" "$consumer/Program.cs"
  NUGET_PACKAGES="$work/packages" dotnet build "$consumer" -c Release -o "$consumer/out" --nologo -v quiet >/dev/null
  run() { env "$@" dotnet "$consumer/out/consumer.dll"; }
  first="$(run DOTNET_TieredCompilation=1)"
  [[ "$(sed -n 3p <<<"$first")" == */runtimes/linux-x64/lib/net10.0/Shannon.dll ]] \
    || fail "the consumer loaded $(sed -n 3p <<<"$first"), not runtimes/linux-x64/lib/net10.0/Shannon.dll"
  jitted="$(sed -n 1p <<<"$first")"
  # At most the runtime's Thread.GetThreadStaticsBase, which the first helper thread needs and the runtime does not
  # precompile (counted when that thread gets there before the count is read); 122 with ReadyToRun off.
  [ "$jitted" -le 1 ] || fail "the consumer's first entropy call jitted $jitted methods (precompiled code not used, or a kernel calls runtime generics the runtime has not precompiled?)"
  jitted="$(sed -n 2p <<<"$first")"
  [ "$jitted" -eq 0 ] || fail "the consumer's first cross-entropy loss jitted $jitted methods (a loss kernel left to the JIT?)"
  for isa in DOTNET_TieredCompilation=1 DOTNET_EnableAVX2=0 DOTNET_EnableAVX=0; do
    precompiled="$(run "$isa" | tail -1)"
    jit="$(run "$isa" DOTNET_ReadyToRun=0 | tail -1)"
    [ "$precompiled" = "$jit" ] || fail "$isa: ReadyToRun gives '$precompiled', the JIT '$jit'"
  done
fi

echo "package test: tool and library packages checked; the installed tool ran 'shannon report'; a console app ran Shannon.Core's ReadyToRun code"
