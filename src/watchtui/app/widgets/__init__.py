"""The panes and fields of the screens, one file each."""
