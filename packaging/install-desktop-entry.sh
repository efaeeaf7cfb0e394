#!/bin/sh
# Press Workbench, Linux: put the workbench in your applications menu, with its icon.
# Run it once from the unpacked folder:   ./install-desktop-entry.sh
# Take it out of the menu again:          ./install-desktop-entry.sh --remove
# It writes only in your own folders (~/.local/share); nothing needs administrator rights.
# If you move the folder, run it again.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
entry=$data/applications/press-workbench.desktop
icons=$data/icons/hicolor
sizes="16 32 48 64 128 256"

refresh() {  # menus and icon caches pick the change up at once where these tools exist
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data/applications" 2>/dev/null || true
    fi
    # Only refresh an icon cache that exists: creating one could hide other programs' icons.
    if [ -f "$icons/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
    fi
}

if [ "${1:-}" = "--remove" ]; then
    rm -f "$entry" "$icons/scalable/apps/press-workbench.svg"
    for size in $sizes; do rm -f "$icons/${size}x$size/apps/press-workbench.png"; done
    refresh
    echo "Press Workbench is no longer in the applications menu."
    exit 0
fi

exe=$here/press-workbench
art=$here/_internal/workbench/resources/icons
if [ ! -x "$exe" ] || [ ! -f "$here/press-workbench.desktop" ]; then
    echo "install-desktop-entry.sh: run me from the unpacked press-workbench folder" >&2
    exit 1
fi
case $exe in *[\"\`\$\\%]*)
    echo "install-desktop-entry.sh: move the folder to a path without \" \` \$ \\ or %" >&2
    exit 1
esac

for size in $sizes; do
    mkdir -p "$icons/${size}x$size/apps"
    cp "$art/press-workbench-$size.png" "$icons/${size}x$size/apps/press-workbench.png"
done
mkdir -p "$icons/scalable/apps" "$data/applications"
cp "$art/press-workbench.svg" "$icons/scalable/apps/press-workbench.svg"

# The packaged entry with the program's full path (quoted: the path may hold spaces).
tmp=$entry.tmp
while IFS= read -r line; do
    case $line in
        Exec=*) printf 'Exec="%s"\n' "$exe" ;;
        TryExec=*) printf 'TryExec=%s\n' "$exe" ;;
        *) printf '%s\n' "$line" ;;
    esac
done <"$here/press-workbench.desktop" >"$tmp"
chmod 644 "$tmp"
mv "$tmp" "$entry"
refresh
echo "Press Workbench is now in the applications menu (Office)."
