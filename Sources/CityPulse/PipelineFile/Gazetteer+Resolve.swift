import Foundation

extension Gazetteer {
    /// The region id a name stands for (id, official name or alias), or nil.
    public func resolve(_ name: String) -> String? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        for region in regions where region.id == trimmed || region.name == trimmed || region.aliases.contains(trimmed) {
            return region.id
        }
        return nil
    }

    /// A group (市四区, 各旗县) a name stands for, or nil.
    public func group(named name: String) -> Group? {
        groups.first { $0.id == name || $0.names.contains(name) }
    }

    public func region(id: String) -> Region? { regions.first { $0.id == id } }
}
