"""The guided explorers: one registry, one module of data model and logic per explorer."""
