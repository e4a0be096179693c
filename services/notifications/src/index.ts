// The notifications subgraph: see README (being built).
