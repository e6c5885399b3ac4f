"""Tests for validating briefs in CI: reporters, configuration, suppression, hooks, the action."""
