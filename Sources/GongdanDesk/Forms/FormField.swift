import GongdanCore
import GongdanText
import GongdanWeb

/// One field of a desk form: its name in the post, its label, what it takes. The same description
/// draws the field (``DeskHTML/field(_:language:value:)``) and reads it back (``read(from:language:)``).
struct FormField: Sendable {
    enum Kind: Sendable {
        /// One line of text, at most `limit` characters.
        case line(TextLimit)
        /// A paragraph, at most `limit` characters.
        case paragraph(TextLimit)
        /// A whole number in range.
        case number(ClosedRange<Int>)
        /// One of the options (value, label), as radio buttons.
        case choice([Option])
        /// One unit of the directory, as a list to pick from.
        case unit
        /// Any units of the directory, as checkboxes.
        case units
        /// A yes-or-no box.
        case checkbox
    }

    /// A choice's value in the post and its label.
    struct Option: Sendable {
        var value: String
        var label: String
    }

    var name: String
    var label: String
    var kind: Kind
    var required: Bool
    /// A line under the field saying what to write.
    var hint: String? = nil

    /// The field's one value from the post, checked: nil when blank and not required.
    func read(from form: FormFields) throws(DeskError) -> String? {
        guard let value = form.text(name) else {
            if required { throw .missing(field: label) }
            return nil
        }
        switch kind {
        case .line(let limit), .paragraph(let limit):
            guard value.count <= limit.rawValue else { throw .tooLong(field: label, count: value.count, limit: limit.rawValue) }
        case .number(let range):
            guard let number = Int(value), range.contains(number) else { throw .outOfRange(field: label, text: value, range: range) }
        case .choice(let options):
            guard options.contains(where: { $0.value == value }) else { throw .unknownChoice(field: label) }
        case .unit, .units, .checkbox:
            break
        }
        return value
    }
}
