import CityPulseQuantities

extension Quantity {
    /// One line a table test can state by hand: `quantity 100名以上 100 [100..] at_least 名/person`.
    var rendered: String {
        var s = "\(kind.rawValue) \(text) \(value?.description ?? "-")"
        if lower != nil || upper != nil { s += " [\(lower?.description ?? "")..\(upper?.description ?? "")]" }
        if let qualifier { s += " \(qualifier.rawValue)" }
        if !unit.isEmpty || unitClass != .none { s += " \(unit)/\(unitClass.rawValue)" }
        return s
    }
}

extension QuantityScanner {
    /// Every reading of `text`, rendered.
    func readings(_ text: String) -> [String] { scan(text).map(\.rendered) }
}
