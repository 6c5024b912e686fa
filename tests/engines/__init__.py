"""Real blog engines started by the tests on 127.0.0.1, and scoring against their own truth."""
