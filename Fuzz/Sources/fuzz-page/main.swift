import CityPulse
import FuzzSupport

let extractor = FactExtractor(pipeline: FuzzSupport.pipeline)

/// A page (markup cuts, charset sniffing, libxml2's HTML parser, main-text choice) and the facts
/// extracted from it.
func fuzzPage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(FuzzSupport.bytes(data, size))
    let (document, _) = PageReader().read(bytes: bytes, path: "fuzz.html", sourceID: "f", contentHash: "")
    FuzzSupport.require(document.path == "fuzz.html", "page path changed to \(document.path)")
    FuzzSupport.checkTextFacts(extractor.extract(document), of: document)
    return 0
}

FuzzSupport.run(fuzzPage)
