"""The NLP stage: spaCy pipeline, entity, quote and event extraction."""
