"""Screens: the main three panes, the forms, confirmations, help, the timeline."""
