"""Standard dialog parts: buttons with our translations (Qt's own catalogues are not shipped)
and the line where a dialog says what went wrong."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QWidget

from workbench.i18n import N_, _

Button = QDialogButtonBox.StandardButton
TEXTS = {Button.Ok: N_("OK"), Button.Cancel: N_("Cancel"), Button.Close: N_("Close")}


def button_box(buttons: Button, parent: QWidget) -> QDialogButtonBox:
    """A QDialogButtonBox with ``buttons`` labelled in the interface language."""
    box = QDialogButtonBox(buttons, parent)
    for which, text in TEXTS.items():
        if (button := box.button(which)) is not None:
            button.setText(_(text))
    return box


def error_label(parent: QWidget, name: str) -> QLabel:
    """An empty red line, wrapped, for the one-line reason something failed."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020")
    return label
