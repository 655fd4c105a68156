// A closed <dialog> gives the focus back to where it was; when that was inside a dialog closed
// since (the help, then the palette), the focus would stay on a hidden control, where a shortcut
// reads as typing (Alt+A would do nothing). Then the page body gets it.
export const leaveDialog = (dialog: HTMLDialogElement) => {
  const focused = document.activeElement;
  if (focused instanceof HTMLElement && (dialog.contains(focused) || focused.closest('dialog:not([open])'))) focused.blur();
};
