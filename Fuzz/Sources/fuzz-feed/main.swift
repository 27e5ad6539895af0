import CityPulse
import FuzzSupport

let extractor = FactExtractor(pipeline: FuzzSupport.pipeline)

/// An RSS or Atom feed (libxml2's XML parser with entities and network off) and the facts of each item.
func fuzzFeed(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(FuzzSupport.bytes(data, size))
    let (documents, _) = FeedReader().read(bytes: bytes, path: "fuzz.xml", sourceID: "f", contentHash: "")
    for document in documents {
        FuzzSupport.require(document.path.hasPrefix("fuzz.xml#"), "item path \(document.path)")
        FuzzSupport.checkTextFacts(extractor.extract(document), of: document)
    }
    return 0
}

FuzzSupport.run(fuzzFeed)
