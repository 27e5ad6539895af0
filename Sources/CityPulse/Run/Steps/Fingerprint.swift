extension RunContext {
    /// What the data outputs depend on besides the inputs' content, hashed with each input's path,
    /// source and content hash: equal fingerprints mean byte-identical data outputs. Nil when the
    /// template cannot be read (such a run publishes nothing to compare with).
    func fingerprint(of inputs: [InputRecord], template: Result<String?, any Error>) -> String? {
        guard case let .success(templateText) = template else { return nil }
        var parts = [
            "citypulse-outputs/1", CityPulseVersion.buildIdentity, pipeline.contentHash, templateText ?? "",
            asOf.description, options.inputRoot.standardizedFileURL.path, target.standardizedFileURL.path,
        ]
        for i in inputs { parts += [i.path, i.source, i.sha256] }
        return RunCache.sha256(of: Array(parts.joined(separator: "\u{0}").utf8))
    }
}
