"""The plugin machinery: markers, hook specifications, the chain facade, the registry and the
evaluation context (the layer every jurisdiction plugin talks to)."""
