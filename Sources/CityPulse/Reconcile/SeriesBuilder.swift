/// Placeholder until the CSV stage lands.
public struct SeriesBuilder: Sendable {
    public let pipeline: PipelineDefinition
    public init(pipeline: PipelineDefinition) { self.pipeline = pipeline }
    public func build(_ observations: [Fact]) -> [SeriesPoint] { [] }
}
