"""The package's version. A plain install of python/ says "0+unbundled"; scripts/build-wheel writes the
bundled binary's own `sieve --version` here in its staging copy, so a wheel and its binary never disagree."""

__version__ = "0+unbundled"
