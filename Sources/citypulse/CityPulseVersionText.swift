import CityPulse

enum CityPulseVersionText {
    static let text = CityPulseVersion.string
}
