# Shared set-up for scripts/run and scripts/test (sourced, not run).
#
# Installs missing Debian packages with apt-get (through sudo when not root), creates .venv with
# Python 3.11 or newer and installs the package into it when pyproject.toml has changed since the
# last install. Quiet when there is nothing to do; on failure it says what failed and shows the
# tool's own output.

PT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PT_VENV="$PT_ROOT/.venv"

# What a real Qt window needs on a minimal Debian 12 (from `ldd` on PySide6's xcb platform
# plugin, QtGui, QtWidgets and the CUPS print-support plugin), plus one font so text renders.
PT_RUN_PACKAGES=(
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
    libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
    libxcb-xfixes0 libxcb-xkb1 libxcb-glx0 libxcb1 libx11-xcb1 libx11-6 libxkbcommon0
    libxkbcommon-x11-0 libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
    libcups2 fonts-dejavu-core
)

pt_die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

# Run a command quietly; on failure show its output and stop with a message.
pt_quiet() {
    local what="$1"
    shift
    local log
    log="$(mktemp)"
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        pt_die "$what failed (command: $*)"
    fi
    rm -f "$log"
}

# Commands that need root: run directly as root, else through sudo.
pt_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    else
        sudo "$@"
    fi
}

pt_check_root() {  # pt_check_root WHY: fail clearly when we can neither be nor become root
    if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
        pt_die "$1 needs root: run this as root, or install sudo and run it as a sudoer"
    fi
}

# pt_apt PACKAGE...: install whichever of the packages are not installed yet.
pt_apt() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        # Not Debian: the README's set-up targets Debian 12; elsewhere these are the user's job.
        return 0
    fi
    local missing=() package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'
        then
            missing+=("$package")
        fi
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    pt_check_root "installing ${missing[*]}"
    echo "Installing Debian packages: ${missing[*]}" >&2
    pt_quiet "apt-get update" pt_as_root apt-get update -q
    pt_quiet "installing ${missing[*]}" pt_as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}"
}

pt_python_ok() {  # pt_python_ok PYTHON: is it Python 3.11 or newer?
    "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1
}

pt_find_python() {
    local candidate
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 && pt_python_ok "$candidate"; then
            command -v "$candidate"
            return 0
        fi
    done
    local found="none"
    command -v python3 >/dev/null 2>&1 && found="$(python3 --version 2>&1)"
    pt_die "Permanence Tracker needs Python 3.11 or newer (found: $found); install python3.11"
}

# Create .venv if needed and (re)install the package when pyproject.toml changed.
pt_venv() {
    if [ -d "$PT_VENV" ] && ! pt_python_ok "$PT_VENV/bin/python"; then
        echo "Recreating .venv: its Python is missing or older than 3.11" >&2
        rm -rf "$PT_VENV"
    fi
    if [ ! -x "$PT_VENV/bin/python" ]; then
        local python
        python="$(pt_find_python)"
        if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
            pt_apt python3-venv  # Debian splits venv/ensurepip out of python3
        fi
        pt_quiet "creating .venv with $python" "$python" -m venv "$PT_VENV"
    fi
    local stamp="$PT_VENV/.pyproject.sha256" wanted
    wanted="$(sha256sum "$PT_ROOT/pyproject.toml" | cut -d' ' -f1)"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
        echo "Installing Python packages into .venv ..." >&2
        pt_quiet "pip install -e .[dev]" \
            "$PT_VENV/bin/python" -m pip install -q --disable-pip-version-check \
            -e "$PT_ROOT[dev]"
        echo "$wanted" >"$stamp"
    fi
}

# The DfE 903 validation rules (csc-validator-be-903, import name lac_validator) in their own
# venv, .venv-903, because the package pins pandas<2. The app finds it through
# permanence_tracker.paths.validator_python(). Reinstalled only when the pin changes.
PT_VALIDATOR_PIN="csc-validator-be-903==0.1.17"
pt_validator_venv() {
    local venv="$PT_ROOT/.venv-903" stamp="$PT_ROOT/.venv-903/.pin"
    if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$PT_VALIDATOR_PIN" ]; then
        return 0
    fi
    echo "Installing the DfE 903 validator ($PT_VALIDATOR_PIN) into .venv-903 ..." >&2
    rm -rf "$venv"
    pt_quiet "creating .venv-903" "$PT_VENV/bin/python" -m venv "$venv"
    pt_quiet "pip install $PT_VALIDATOR_PIN" "$venv/bin/python" -m pip install -q \
        --disable-pip-version-check "$PT_VALIDATOR_PIN"
    echo "$PT_VALIDATOR_PIN" >"$stamp"
}
