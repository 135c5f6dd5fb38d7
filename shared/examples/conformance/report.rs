//! The outcome of one suite, and the table that shows them all.

/// A suite: reads the peer-data folder, checks every case and says how it went.
pub type RunSuite = fn(&std::path::Path) -> Suite;

/// What one suite gave.
#[derive(Debug, Default)]
pub struct Suite {
    /// Its name in the table, such as `csv-spectrum`.
    pub name: &'static str,
    /// How many cases gave the expected result.
    pub passed: usize,
    /// Cases that did not, with what went wrong.
    pub failures: Vec<Case>,
    /// Cases where Clientela differs on purpose, with the reason; not counted as failures.
    pub differences: Vec<Case>,
}

/// One case of a suite and a sentence about it.
#[derive(Debug)]
pub struct Case {
    /// The case's name or id in its suite.
    pub id: String,
    /// What went wrong, or why Clientela differs.
    pub reason: String,
}

impl Suite {
    /// An empty report for the suite `name`.
    pub fn new(name: &'static str) -> Self {
        Suite {
            name,
            ..Suite::default()
        }
    }

    /// Records the outcome of one case: `Ok` passed, `Err(reason)` failed.
    pub fn check(&mut self, id: impl Into<String>, outcome: Result<(), String>) {
        match outcome {
            Ok(()) => self.passed += 1,
            Err(reason) => self.failures.push(Case {
                id: id.into(),
                reason,
            }),
        }
    }

    /// Records a case where Clientela differs on purpose.
    pub fn differ(&mut self, id: impl Into<String>, reason: impl Into<String>) {
        self.differences.push(Case {
            id: id.into(),
            reason: reason.into(),
        });
    }

    /// True when no case failed.
    pub fn passed_all(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Prints one line per suite, then every failure and every deliberate difference.
pub fn print(suites: &[Suite]) {
    println!(
        "{:<34} {:>7} {:>7} {:>7} {:>8}",
        "suite", "passed", "failed", "differ", "pass %"
    );
    for suite in suites {
        let checked = suite.passed + suite.failures.len();
        let percent = if checked == 0 {
            100.0
        } else {
            100.0 * suite.passed as f64 / checked as f64
        };
        println!(
            "{:<34} {:>7} {:>7} {:>7} {:>7.1}%",
            suite.name,
            suite.passed,
            suite.failures.len(),
            suite.differences.len(),
            percent
        );
    }
    for suite in suites {
        for case in &suite.failures {
            println!("FAIL {} / {}: {}", suite.name, case.id, case.reason);
        }
    }
    for suite in suites {
        for case in &suite.differences {
            println!("DIFFERS {} / {}: {}", suite.name, case.id, case.reason);
        }
    }
}
