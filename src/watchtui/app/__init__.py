"""The Textual application: screens, panes and styles over the core."""
