import CityPulse
import Foundation
import FuzzSupport

/// The pipeline loader on any YAML: it loads or throws a `PipelineError`, never stops the process.
func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Data(FuzzSupport.bytes(data, size))
    if let pipeline = try? PipelineLoader().load(data: bytes, path: "fuzz.yml") {
        // A pipeline that loads is one the extractor can be built from.
        _ = FactExtractor(pipeline: pipeline)
    }
    return 0
}

FuzzSupport.run(fuzzPipeline)
