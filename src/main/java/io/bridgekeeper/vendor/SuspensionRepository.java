package io.bridgekeeper.vendor;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SuspensionRepository extends JpaRepository<Suspension, Long> {

    @Query("select s from Suspension s where s.vendorId = ?1 and s.status <> io.bridgekeeper.vendor.SuspensionStatus.LIFTED")
    Optional<Suspension> findOpen(long vendorId);

    @Query("select s from Suspension s where s.status <> io.bridgekeeper.vendor.SuspensionStatus.LIFTED")
    List<Suspension> findAllOpen();

    List<Suspension> findByVendorIdOrderBySuspendedAtDesc(long vendorId);
}
