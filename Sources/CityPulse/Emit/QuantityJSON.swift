import CityPulseQuantities

extension JSONValue {
    /// A quantity as `citypulse quantities` and `citypulse extract` print it. `span` and `text` override
    /// the quantity's own when it was found in normalized text and is shown in the original.
    public static func quantity(_ q: Quantity, span: Range<Int>? = nil, text: String? = nil) -> JSONValue {
        [
            "kind": .string(q.kind.rawValue), "text": .string(text ?? q.text), "value": .decimal(q.value),
            "lower": .decimal(q.lower), "upper": .decimal(q.upper), "qualifier": .string(q.qualifier?.rawValue),
            "unit": .string(q.unit), "unit_class": .string(q.unitClass.rawValue),
            "start": .int(span?.lowerBound ?? q.start), "end": .int(span?.upperBound ?? q.end),
        ]
    }
}
