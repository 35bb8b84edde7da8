// SPDX-License-Identifier: GPL-3.0-or-later

/// Highest completed education, in three broad levels.
public enum Education: String, Sendable, CaseIterable {
    case basic
    case secondary
    case higher
}

/// Self-reported English skill: a proxy for how quickly work is found before Norwegian is learnt.
public enum LanguageSkill: String, Sendable, CaseIterable {
    case none
    case basic
    case good
}

/// One member of a household.
public struct Person: Sendable, Equatable {
    public var age: Int
    public var education: Education
    public var english: LanguageSkill

    public init(age: Int, education: Education, english: LanguageSkill) {
        self.age = age
        self.education = education
        self.english = english
    }

    public var isAdult: Bool { age >= 18 }
}
